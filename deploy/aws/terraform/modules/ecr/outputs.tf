output "repository_urls" {
  description = "Repository URL by repository name (without the environment suffix)."
  value       = { for key, repository in aws_ecr_repository.this : key => repository.repository_url }
}

output "repository_arns" {
  description = "Repository ARN by repository name."
  value       = { for key, repository in aws_ecr_repository.this : key => repository.arn }
}

output "repository_names" {
  description = "Full repository names by repository name."
  value       = { for key, repository in aws_ecr_repository.this : key => repository.name }
}
