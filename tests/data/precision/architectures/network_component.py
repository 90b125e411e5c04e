"""A network with subnets and a VM, as component resources (pulumi/examples gcp-py-network-component)."""
import pulumi
from pulumi_gcp import compute


class Vpc(pulumi.ComponentResource):
    def __init__(self, name: str, cidrs: list, opts=None):
        super().__init__("precision:index:Vpc", name, None, opts)
        self.network = compute.Network(name, auto_create_subnetworks=False, opts=pulumi.ResourceOptions(parent=self))
        self.subnets = [compute.Subnetwork(f"{name}-{i}", network=self.network.self_link, ip_cidr_range=cidr,
                                           opts=pulumi.ResourceOptions(parent=self)) for i, cidr in enumerate(cidrs)]
        self.register_outputs({"network": self.network.self_link})


class WebServer(pulumi.ComponentResource):
    def __init__(self, name: str, subnet, opts=None):
        super().__init__("precision:index:WebServer", name, None, opts)
        self.instance = compute.Instance(
            name, machine_type="e2-micro",
            boot_disk=compute.InstanceBootDiskArgs(initialize_params=compute.InstanceBootDiskInitializeParamsArgs(
                image="debian-cloud/debian-12")),
            network_interfaces=[compute.InstanceNetworkInterfaceArgs(subnetwork=subnet.self_link)],
            opts=pulumi.ResourceOptions(parent=self))
        self.register_outputs({"ip": self.instance.network_interfaces[0].network_ip})


vpc = Vpc("demo", ["172.1.0.0/16", "172.2.0.0/16"])
WebServer("demo-nginx", vpc.subnets[0])
