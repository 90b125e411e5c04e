"""Two HTTP Cloud Functions from sources in one bucket (pulumi/examples gcp-py-serverless-raw): the functions take
the provider's region, the example keeps the bucket in the US multi-region."""
import pulumi
from pulumi_gcp import cloudfunctions, storage

bucket = storage.Bucket("bucket", location="US")
for name, runtime in (("python", "python312"), ("go", "go123")):
    source = storage.BucketObject(f"{name}-zip", bucket=bucket.name,
                                  source=pulumi.StringAsset(f"source of the {name} function"))
    function = cloudfunctions.Function(f"{name}-func", source_archive_bucket=bucket.name, runtime=runtime,
                                       source_archive_object=source.name, entry_point="handler", trigger_http=True)
    pulumi.export(f"{name}_url", function.https_trigger_url)
