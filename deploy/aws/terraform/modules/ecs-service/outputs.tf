output "service_name" {
  description = "Name of the ECS service."
  value       = aws_ecs_service.this.name
}

output "task_definition_arn" {
  description = "Task definition revision Terraform registered."
  value       = aws_ecs_task_definition.this.arn
}

output "task_definition_family" {
  description = "Task definition family (CD registers its revisions)."
  value       = aws_ecs_task_definition.this.family
}

output "container_name" {
  description = "Container name inside the task definition (CD renders the image into it)."
  value       = var.role
}
