# Remote state in S3 with DynamoDB locking. The bucket and the table come from ./bootstrap (apply it
# once per account); its output `backend_init_command` prints the matching `terraform init`.
# The bucket name holds the account id, so it is given at init time (partial configuration):
#   terraform init -backend-config="bucket=fraudops-terraform-state-<account-id>"
# One state per environment: -backend-config="key=fraudops/staging/terraform.tfstate" for staging.
terraform {
  backend "s3" {
    key            = "fraudops/production/terraform.tfstate"
    region         = "us-east-1"
    dynamodb_table = "fraudops-terraform-locks"
    encrypt        = true
  }
}
