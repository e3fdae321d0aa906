output "api_endpoint" {
  description = "Base URL of the scoring API (POST /predict, GET /health)."
  value       = module.alb.api_endpoint
}

output "console_endpoint" {
  description = "Base URL of the control plane: registry API, pipelines, console (reachable from console_allowed_cidrs)."
  value       = module.alb.console_endpoint
}

output "ecr_repositories" {
  description = "ECR repository URL by image name (one: every role runs the fraudops image)."
  value       = module.ecr.repository_urls
}

output "rds_endpoint" {
  description = "host:port of the registry database."
  value       = module.rds.endpoint
  sensitive   = true
}

output "rds_secret_arn" {
  description = "Secrets Manager secret with the database credentials."
  value       = module.rds.secret_arn
}

output "s3_buckets" {
  description = "Bucket names: data (training transactions) and artifacts (model bundles)."
  value       = {
    data      = module.s3.data_bucket_name
    artifacts = module.s3.artifacts_bucket_name
  }
}

output "ecs_cluster_name" {
  description = "ECS cluster of every fraudops workload."
  value       = module.ecs.cluster_name
}

output "ecs_services" {
  description = "ECS service name by role (cd.yml deploys these)."
  value       = {
    api             = module.api.service_name
    "control-plane" = module.control_plane.service_name
  }
}

output "task_definition_families" {
  description = "Task definition family by workload (cd.yml registers new revisions of these)."
  value       = {
    api             = module.api.task_definition_family
    "control-plane" = module.control_plane.task_definition_family
    training        = module.training_schedule.task_definition_family
  }
}

output "training_schedule_name" {
  description = "EventBridge Scheduler schedule of the training task."
  value       = module.training_schedule.schedule_name
}

output "log_groups" {
  description = "CloudWatch log group by workload."
  value       = module.cloudwatch.log_group_names
}

output "cloudwatch_dashboards" {
  description = "CloudWatch dashboards (API, ECS, RDS)."
  value       = module.cloudwatch.dashboard_names
}

output "alarm_topic_arn" {
  description = "SNS topic of the alarms."
  value       = module.sns.topic_arn
}

output "github_deploy_role_arn" {
  description = "Role for cd.yml (GitHub secret AWS_DEPLOY_ROLE_ARN); null without github_repository."
  value       = module.iam.github_deploy_role_arn
}

output "nat_gateway_count" {
  description = "NAT gateways running (single_nat_gateway = 1)."
  value       = module.vpc.nat_gateway_count
}
