output "cluster_id" {
  description = "ID (ARN) of the cluster."
  value       = aws_ecs_cluster.this.id
}

output "cluster_arn" {
  description = "ARN of the cluster."
  value       = aws_ecs_cluster.this.arn
}

output "cluster_name" {
  description = "Name of the cluster."
  value       = aws_ecs_cluster.this.name
}

output "service_capacity_provider_strategy" {
  description = "Capacity provider strategy for services (list of {capacity_provider, base, weight})."
  value       = local.service_strategy

  # A service may only name providers already attached to the cluster.
  depends_on = [aws_ecs_cluster_capacity_providers.this]
}

output "task_capacity_provider_strategy" {
  description = "Capacity provider strategy for one-off and scheduled tasks."
  value       = local.task_strategy

  depends_on = [aws_ecs_cluster_capacity_providers.this]
}
