output "schedule_name" {
  description = "Name of the EventBridge schedule."
  value       = aws_scheduler_schedule.this.name
}

output "task_definition_family" {
  description = "Task definition family of the scheduled task."
  value       = aws_ecs_task_definition.this.family
}

output "task_definition_arn" {
  description = "Task definition revision Terraform registered."
  value       = aws_ecs_task_definition.this.arn
}
