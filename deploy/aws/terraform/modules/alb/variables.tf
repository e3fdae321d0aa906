# alb: the public load balancer. The API (scoring) on 80, or on 443 with 80 redirecting when a
# certificate is given; the control plane (registry API, pipelines, console) on console_port,
# reachable only from console_allowed_cidrs (see the security module).

variable "name" {
  type        = string
  description = "Name prefix (load balancer <name>, target groups <name>-api / <name>-cp)."
}

variable "vpc_id" {
  type        = string
  description = "VPC of the target groups."
}

variable "public_subnet_ids" {
  type        = list(string)
  description = "Public subnets, one per zone."
}

variable "security_group_id" {
  type        = string
  description = "Security group of the load balancer."
}

variable "container_port" {
  type        = number
  description = "Port of the tasks."
}

variable "console_port" {
  type        = number
  description = "Listener port of the control plane."
}

variable "acm_certificate_arn" {
  type        = string
  description = "Certificate for HTTPS; null = HTTP only."
  default     = null
}

variable "ssl_policy" {
  type        = string
  description = "TLS policy of the HTTPS listeners."
  default     = "ELBSecurityPolicy-TLS13-1-2-2021-06"
}

variable "deletion_protection" {
  type        = bool
  description = "Refuse deleting the load balancer."
  default     = false
}

variable "health_check_path" {
  type        = string
  description = "Health check of both target groups (answers 200 in every role)."
  default     = "/health"
}
