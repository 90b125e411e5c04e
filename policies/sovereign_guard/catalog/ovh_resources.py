"""pulumi-ovh resource types: where each keeps its region and whether it can use an OKMS key.

Paths are engine (camelCase) input paths checked against pulumi-ovh 2.22.0.
"""
from .model import KeyField as K
from .model import LocationField as L
from .model import ResourceSpec as R

SDK = "pulumi-ovh 2.22.0"

RESOURCES = (
    R("ovh:CloudProject/volume:Volume",
      locations=(L("regionName", "ovh:location", source=SDK),
                 L("availabilityZone", "ovh:location", role="availability zone", default="none", source=SDK)),
      keys=(K(("encryption.kms.serviceKeyId",), what="volume", source=SDK),),
      source=SDK),
    R("ovh:CloudProject/kube:Kube",
      locations=(L("region", "ovh:location", source=SDK),),
      cmek="unsupported", note="Managed Kubernetes encrypts etcd and volumes only with OVHcloud-managed keys",
      source=SDK),
)

LOCATION_FREE = (
    "ovh:Me/*:*",
)
