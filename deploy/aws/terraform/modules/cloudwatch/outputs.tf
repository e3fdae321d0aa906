output "log_group_names" {
  description = "Log group name by workload."
  value       = { for key, group in aws_cloudwatch_log_group.this : key => group.name }
}

output "log_group_arns" {
  description = "Log group ARNs (for the execution role's policy)."
  value       = [for group in aws_cloudwatch_log_group.this : group.arn]
}

output "dashboard_names" {
  description = "CloudWatch dashboards: API, ECS, RDS."
  value       = [aws_cloudwatch_dashboard.api.dashboard_name, aws_cloudwatch_dashboard.ecs.dashboard_name, aws_cloudwatch_dashboard.rds.dashboard_name]
}

output "alarm_names" {
  description = "Every alarm this module created."
  value       = concat(
    [for alarm in aws_cloudwatch_metric_alarm.service_cpu : alarm.alarm_name],
    [for alarm in aws_cloudwatch_metric_alarm.service_memory : alarm.alarm_name],
    [for alarm in aws_cloudwatch_metric_alarm.unhealthy_targets : alarm.alarm_name],
    [
      aws_cloudwatch_metric_alarm.api_5xx_rate.alarm_name,
      aws_cloudwatch_metric_alarm.api_p95_latency.alarm_name,
      aws_cloudwatch_metric_alarm.rds_cpu.alarm_name,
      aws_cloudwatch_metric_alarm.rds_free_storage.alarm_name,
      aws_cloudwatch_metric_alarm.rds_connections.alarm_name,
    ],
  )
}
