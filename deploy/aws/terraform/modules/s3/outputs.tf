output "data_bucket_name" {
  description = "Bucket of the training data."
  value       = aws_s3_bucket.this["data"].id
}

output "data_bucket_arn" {
  description = "ARN of the data bucket."
  value       = aws_s3_bucket.this["data"].arn
}

output "artifacts_bucket_name" {
  description = "Bucket of the model bundles (FRAUDOPS_ARTIFACTS_BUCKET)."
  value       = aws_s3_bucket.this["artifacts"].id
}

output "artifacts_bucket_arn" {
  description = "ARN of the artifact bucket."
  value       = aws_s3_bucket.this["artifacts"].arn
}
