"""Two VMs behind static addresses on their own network (pulumi/examples gcp-py-instance-nginx)."""
import pulumi
from pulumi_gcp import compute

network = compute.Network("web")
compute.Firewall("web", network=network.self_link,
                 allows=[compute.FirewallAllowArgs(protocol="tcp", ports=["22", "80"])])
for name, image in (("nginx", "ubuntu-os-cloud/ubuntu-2404-lts-amd64"), ("containers", "cos-cloud/cos-stable")):
    address = compute.Address(name)
    vm = compute.Instance(
        name, machine_type="e2-micro",
        boot_disk=compute.InstanceBootDiskArgs(initialize_params=compute.InstanceBootDiskInitializeParamsArgs(
            image=image)),
        network_interfaces=[compute.InstanceNetworkInterfaceArgs(network=network.id, access_configs=[
            compute.InstanceNetworkInterfaceAccessConfigArgs(nat_ip=address.address)])])
    pulumi.export(f"{name}_ip", address.address)
