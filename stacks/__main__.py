"""Sovereign Guard samples: builds the Google Cloud and/or OVHcloud platform described by the stack config.

Config (namespace `sovereign-guard-samples`): `gcp` and `ovh` are objects; each one present builds that platform
(see GcpPlatformArgs.from_config and OvhPlatformArgs.from_config). Provider settings come from the usual
`gcp:*` and `ovh:*` keys.
"""
import pulumi

import gcp_platform
import ovh_platform

config = pulumi.Config()
name = pulumi.get_stack()
gcp_settings = config.get_object("gcp")
ovh_settings = config.get_object("ovh")
if gcp_settings is None and ovh_settings is None:
    raise ValueError("set `sovereign-guard-samples:gcp` and/or `sovereign-guard-samples:ovh` in the stack config")

if gcp_settings is not None:
    gcp = gcp_platform.GcpPlatform(name, gcp_platform.GcpPlatformArgs.from_config(gcp_settings))
    pulumi.export("gcp", gcp.outputs)
if ovh_settings is not None:
    ovh = ovh_platform.OvhPlatform(name, ovh_platform.OvhPlatformArgs.from_config(ovh_settings))
    pulumi.export("ovh", ovh.outputs)
