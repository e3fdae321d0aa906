output "state_bucket" {
  description = "S3 bucket of the Terraform state."
  value       = aws_s3_bucket.state.id
}

output "lock_table" {
  description = "DynamoDB table of the state locks."
  value       = aws_dynamodb_table.locks.name
}

output "backend_init_command" {
  description = "The init command of the main configuration (run in deploy/aws/terraform)."
  value       = "terraform init -backend-config=\"bucket=${aws_s3_bucket.state.id}\" -backend-config=\"region=${var.aws_region}\" -backend-config=\"dynamodb_table=${aws_dynamodb_table.locks.name}\""
}
