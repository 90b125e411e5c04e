"""A Cloud Run service talking to a Cloud SQL PostgreSQL instance (pulumi/examples gcp-py-cloudrun-cloudsql)."""
import pulumi
from pulumi_gcp import cloudrun, sql

config = pulumi.Config()
instance = sql.DatabaseInstance("app-db", database_version="POSTGRES_16", deletion_protection=False,
                                settings=sql.DatabaseInstanceSettingsArgs(tier="db-f1-micro"))
sql.Database("app", instance=instance.name, name=config.require("db-name"))
sql.User("app-user", instance=instance.name, name=config.require("db-name"), password="not-a-real-password")
service = cloudrun.Service(
    "app", location=pulumi.Config("gcp").require("region"),
    template=cloudrun.ServiceTemplateArgs(
        metadata=cloudrun.ServiceTemplateMetadataArgs(
            annotations={"run.googleapis.com/cloudsql-instances": instance.connection_name}),
        spec=cloudrun.ServiceTemplateSpecArgs(containers=[cloudrun.ServiceTemplateSpecContainerArgs(
            image="gcr.io/cloudrun/hello",
            envs=[cloudrun.ServiceTemplateSpecContainerEnvArgs(
                name="DATABASE_HOST", value=pulumi.Output.concat("/cloudsql/", instance.connection_name))])])),
    traffics=[cloudrun.ServiceTrafficArgs(latest_revision=True, percent=100)])
pulumi.export("url", service.statuses.apply(lambda statuses: statuses[0].url if statuses else None))
