# ecs-service: one fraudops role as an ECS service on Fargate: task definition (the image, the
# role's environment, secrets from Secrets Manager, awslogs), the service behind a target group
# with the deployment circuit breaker (a failed deployment rolls back by itself), ECS Exec, and
# for the API target-tracking autoscaling on average CPU.

variable "name" {
  type        = string
  description = "Service name and task definition family."
}

variable "role" {
  type        = string
  description = "fraudops role of the service (FRAUDOPS_ROLES); also the container name."

  validation {
    condition     = contains(["api", "control-plane"], var.role)
    error_message = "role must be api or control-plane."
  }
}

variable "cluster_id" {
  type        = string
  description = "Cluster the service runs in."
}

variable "cluster_name" {
  type        = string
  description = "Cluster name (autoscaling resource id)."
}

variable "capacity_provider_strategy" {
  type = list(object({
    capacity_provider = string
    base              = number
    weight            = number
  }))
  description = "Capacity provider strategy of the service (from the ecs module)."
}

variable "image" {
  type        = string
  description = "Image URI with tag."
}

variable "cpu" {
  type        = number
  description = "CPU units of a task."
}

variable "memory" {
  type        = number
  description = "Memory (MiB) of a task."
}

variable "desired_count" {
  type        = number
  description = "Tasks at creation (autoscaling owns the count afterwards)."
}

variable "container_port" {
  type        = number
  description = "Port fraudops listens on."
}

variable "environment" {
  type        = map(string)
  description = "Plain environment variables of the container."
}

variable "secrets" {
  type        = map(string)
  description = "Environment variables filled from Secrets Manager: name => secret ARN[:json-key::]."
  default     = {}
}

variable "subnet_ids" {
  type        = list(string)
  description = "Private subnets of the tasks."
}

variable "security_group_ids" {
  type        = list(string)
  description = "Security groups of the tasks."
}

variable "target_group_arn" {
  type        = string
  description = "Target group the tasks register in."
}

variable "execution_role_arn" {
  type        = string
  description = "Role ECS uses to pull the image, read the secrets and write logs."
}

variable "task_role_arn" {
  type        = string
  description = "Role the application runs with (S3, ECS Exec)."
}

variable "log_group_name" {
  type        = string
  description = "CloudWatch log group of the container."
}

variable "aws_region" {
  type        = string
  description = "Region of the log group."
}

variable "health_check_grace_seconds" {
  type        = number
  description = "Seconds the load balancer's health check is ignored after a task starts (JVM start and model load)."
  default     = 120
}

variable "autoscaling_enabled" {
  type        = bool
  description = "Target-tracking autoscaling on average CPU."
  default     = false
}

variable "min_count" {
  type        = number
  description = "Fewest tasks autoscaling keeps."
  default     = 1
}

variable "max_count" {
  type        = number
  description = "Most tasks autoscaling starts."
  default     = 1
}

variable "cpu_target_percent" {
  type        = number
  description = "Average CPU utilisation target tracking holds."
  default     = 70
}
