"""Sovereign Guard samples: builds the Google Cloud, OVHcloud and/or Scaleway platform described by the stack config.

Config (namespace `sovereign-guard-samples`): `gcp`, `ovh` and `scaleway` are objects; each one present builds that
platform (see GcpPlatformArgs.from_config, OvhPlatformArgs.from_config and ScalewayPlatformArgs.from_config).
Provider settings come from the usual `gcp:*` and `ovh:*` keys; the Scaleway platform builds its own provider from
its `region`, `zone` (and `apiUrl`).
"""
import pulumi

import gcp_platform
import ovh_platform
import scaleway_platform

config = pulumi.Config()
name = pulumi.get_stack()
gcp_settings = config.get_object("gcp")
ovh_settings = config.get_object("ovh")
scaleway_settings = config.get_object("scaleway")
if gcp_settings is None and ovh_settings is None and scaleway_settings is None:
    raise ValueError("set `sovereign-guard-samples:gcp`, `:ovh` and/or `:scaleway` in the stack config")

if gcp_settings is not None:
    gcp = gcp_platform.GcpPlatform(name, gcp_platform.GcpPlatformArgs.from_config(gcp_settings))
    pulumi.export("gcp", gcp.outputs)
if ovh_settings is not None:
    ovh = ovh_platform.OvhPlatform(name, ovh_platform.OvhPlatformArgs.from_config(ovh_settings))
    pulumi.export("ovh", ovh.outputs)
if scaleway_settings is not None:
    scw = scaleway_platform.ScalewayPlatform(name, scaleway_platform.ScalewayPlatformArgs.from_config(
        scaleway_settings))
    pulumi.export("scaleway", scw.outputs)
