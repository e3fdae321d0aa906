# cloudwatch: the log groups of every fraudops workload (retention log_retention_days), the alarms
# (ECS CPU and memory, ALB 5xx rate, p95 latency, unhealthy targets, RDS CPU, storage and
# connections; all to the SNS topic) and three dashboards: API, ECS, RDS.

variable "name" {
  type        = string
  description = "Name prefix of alarms and dashboards."
}

variable "aws_region" {
  type        = string
  description = "Region of the dashboard widgets."
}

variable "log_group_names" {
  type        = map(string)
  description = "Log group name by workload (api, control-plane, training)."
}

variable "log_retention_days" {
  type        = number
  description = "Days the logs are kept."
}

variable "alarm_topic_arn" {
  type        = string
  description = "SNS topic notified when an alarm fires and when it clears."
}

variable "cluster_name" {
  type        = string
  description = "ECS cluster (alarm dimension ClusterName)."
}

variable "service_names" {
  type        = map(string)
  description = "ECS service name by role (alarm dimension ServiceName)."
}

variable "alb_arn_suffix" {
  type        = string
  description = "Load balancer ARN suffix (dimension LoadBalancer)."
}

variable "api_target_group_arn_suffix" {
  type        = string
  description = "API target group ARN suffix (dimension TargetGroup)."
}

variable "console_target_group_arn_suffix" {
  type        = string
  description = "Control-plane target group ARN suffix."
}

variable "rds_instance_id" {
  type        = string
  description = "DB instance identifier (dimension DBInstanceIdentifier)."
}

variable "rds_allocated_storage_gib" {
  type        = number
  description = "Allocated database storage, for the free-storage threshold."
}

variable "rds_max_connections" {
  type        = number
  description = "max_connections of the database, for the connections threshold."
}

variable "cpu_alarm_percent" {
  type        = number
  description = "ECS service average CPU that raises an alarm (autoscaling acts at 70 first)."
  default     = 85
}

variable "memory_alarm_percent" {
  type        = number
  description = "ECS service average memory that raises an alarm."
  default     = 85
}

variable "error_rate_alarm_percent" {
  type        = number
  description = "Share of API requests answered 5xx (target or load balancer) that raises an alarm."
  default     = 1
}

variable "p95_latency_alarm_seconds" {
  type        = number
  description = "p95 target response time of the API that raises an alarm."
  default     = 0.5
}

variable "rds_cpu_alarm_percent" {
  type        = number
  description = "Database CPU that raises an alarm."
  default     = 80
}

variable "rds_free_storage_alarm_percent" {
  type        = number
  description = "Free database storage, in percent of the allocated storage, below which an alarm fires."
  default     = 10
}

variable "rds_connections_alarm_percent" {
  type        = number
  description = "Database connections, in percent of max_connections, that raise an alarm."
  default     = 80
}
