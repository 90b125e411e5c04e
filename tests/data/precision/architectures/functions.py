"""An HTTP Cloud Function whose source sits in a bucket (pulumi/examples gcp-py-functions): the example keeps the bucket
in the US multi-region and the function in us-central1 whatever the provider's region."""
import pulumi
from pulumi_gcp import cloudfunctions, storage

bucket = storage.Bucket("sources", location="US")
source = storage.BucketObject("source", bucket=bucket.name, name="main.zip",
                              source=pulumi.StringAsset("def handler(request):\n    return 'ok'\n"))
function = cloudfunctions.Function("eta", entry_point="handler", region="us-central1", runtime="python312",
                                   source_archive_bucket=bucket.name, source_archive_object=source.name,
                                   trigger_http=True)
cloudfunctions.FunctionIamMember("invoker", project=function.project, region=function.region,
                                 cloud_function=function.name, role="roles/cloudfunctions.invoker", member="allUsers")
pulumi.export("url", function.https_trigger_url)
