"""One VM serving HTTP with a firewall rule (pulumi/examples gcp-py-webserver)."""
import pulumi
from pulumi_gcp import compute

network = compute.Network("network")
compute.Firewall("firewall", network=network.self_link,
                 allows=[compute.FirewallAllowArgs(protocol="tcp", ports=["22", "80"])])
address = compute.Address("address")
instance = compute.Instance(
    "instance", machine_type="f1-micro",
    boot_disk=compute.InstanceBootDiskArgs(initialize_params=compute.InstanceBootDiskInitializeParamsArgs(
        image="debian-cloud/debian-12")),
    network_interfaces=[compute.InstanceNetworkInterfaceArgs(network=network.id, access_configs=[
        compute.InstanceNetworkInterfaceAccessConfigArgs(nat_ip=address.address)])],
    metadata_startup_script="#!/bin/bash\necho Hello > index.html\nnohup busybox httpd -f -p 80 &")
pulumi.export("ip", address.address)
