output "execution_role_arn" {
  description = "ECS task execution role (image pull, secret, logs)."
  value       = aws_iam_role.execution.arn
}

output "api_task_role_arn" {
  description = "Task role of the API service."
  value       = aws_iam_role.task["api"].arn
}

output "control_plane_task_role_arn" {
  description = "Task role of the control-plane service."
  value       = aws_iam_role.task["control-plane"].arn
}

output "training_task_role_arn" {
  description = "Task role of the scheduled training."
  value       = aws_iam_role.task["training"].arn
}

output "scheduler_role_arn" {
  description = "Role EventBridge Scheduler assumes to start the training task."
  value       = aws_iam_role.scheduler.arn
}

output "github_deploy_role_arn" {
  description = "Role cd.yml assumes through OIDC (null without github_repository)."
  value       = local.github_enabled ? aws_iam_role.github_deploy[0].arn : null
}
