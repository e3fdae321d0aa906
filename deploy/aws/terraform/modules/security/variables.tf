# security: three security groups and nothing wider than the path a request takes:
# internet -> ALB (80/443, console_port from console_allowed_cidrs) -> tasks (container_port)
# -> RDS (5432). Tasks reach out on 443 only (ECR, S3, Secrets Manager, CloudWatch Logs).

variable "name" {
  type        = string
  description = "Name prefix of every resource."
}

variable "vpc_id" {
  type        = string
  description = "VPC of the security groups."
}

variable "vpc_cidr" {
  type        = string
  description = "IPv4 range of the VPC (DNS resolver traffic of the tasks)."
}

variable "container_port" {
  type        = number
  description = "Port fraudops listens on in the tasks."
}

variable "console_port" {
  type        = number
  description = "Load-balancer port of the control plane."
}

variable "console_allowed_cidrs" {
  type        = list(string)
  description = "Ranges allowed to reach console_port; empty = none."
  default     = []
}

variable "https_enabled" {
  type        = bool
  description = "Open 443 on the load balancer (a certificate is configured)."
}
