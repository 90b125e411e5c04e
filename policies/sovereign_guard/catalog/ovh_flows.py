"""pulumi-ovh resource fields that send or replicate data to a destination named by reference (see gcp_flows.py).

OVHcloud names destinations by opaque ids: a destination created in the same stack is judged where it is; an id
of a resource outside the stack carries no place and fails closed unless `trustedDestinations` lists it. Logs Data
Platform streams have no region input (their cluster's region is an output), so logs forwarded to one cannot be
placed from a stack's inputs: list the stream in `trustedDestinations` with the reason you know where it is.
"""
from __future__ import annotations

from .ignored import Ignored
from .model import FlowField as F
from .model import FlowSpec as S
from .model import Kind

SDK = "pulumi-ovh 2.22.0 (input docstrings)"
LDP = SDK + " (streamId: \"Id of the target Log data platform stream\")"
DB_INTEGRATIONS = SDK + (" (destinationServiceId: \"ID of the destination service\"; types kafkaMirrorMaker, "
                         "kafkaConnect, kafkaLogs, opensearchLogs, ... send data between services)")

KINDS = (
    Kind("ldp-stream", "Logs Data Platform stream", types=("ovh:Dbaas/logsOutputGraylogStream:LogsOutputGraylogStream",),
         source=SDK + " (a stream has no region input; its cluster's region is an output)"),
    Kind("ovh-database", "managed database service", types=("ovh:CloudProject/database:Database",),
         source=SDK + " (destinationServiceId: the id of a database service of the project)"),
)

_FORWARD = (F("streamId", ("ldp-stream",), "forwards logs to", source=LDP),)
FLOWS = (
    S("ovh:CloudProjectDatabase/logSubscription:LogSubscription", "database log subscription", _FORWARD, SDK),
    S("ovh:index/cloudProjectKubeLogSubscription:CloudProjectKubeLogSubscription", "Kubernetes log subscription",
      _FORWARD, SDK),
    S("ovh:CloudProject/regionLoadBalancerLogSubscription:RegionLoadBalancerLogSubscription",
      "load balancer log subscription", _FORWARD, SDK),
    S("ovh:CloudProjectDatabase/integration:Integration", "database integration",
      (F("destinationServiceId", ("ovh-database",), "sends data to", source=DB_INTEGRATIONS),), SDK),
)

EDGE_CACHES = ()

LEFT_OUT = (
    Ignored("ovh:*", "*hostRoutes[].destination", "a network route's destination prefix", SDK),
    Ignored("ovh:CloudProject/storage:Storage", "replication.rules[].destination.name", "the destination bucket's "
            "region, replication.rules[].destination.region, is judged as a place by data-residency", SDK),
    Ignored("ovh:Dbaas/logsInput:LogsInput", "streamId", "routes logs from an input to a stream of the same Logs Data "
            "Platform service", SDK),
)
