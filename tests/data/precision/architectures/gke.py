"""A GKE cluster and the kubeconfig built from its computed outputs (pulumi/examples gcp-py-gke, without the
Kubernetes workloads)."""
import pulumi
from pulumi_gcp import container

cluster = container.Cluster(
    "gke", initial_node_count=3, deletion_protection=False,
    node_config=container.ClusterNodeConfigArgs(
        machine_type="n1-standard-1",
        oauth_scopes=["https://www.googleapis.com/auth/compute",
                      "https://www.googleapis.com/auth/devstorage.read_only"]))
kubeconfig = pulumi.Output.all(cluster.name, cluster.endpoint, cluster.master_auth).apply(
    lambda info: f"apiVersion: v1\nclusters:\n- cluster:\n    certificate-authority-data: "
                 f"{info[2]['cluster_ca_certificate']}\n    server: https://{info[1]}\n  name: {info[0]}\n")
pulumi.export("kubeconfig", pulumi.Output.secret(kubeconfig))
