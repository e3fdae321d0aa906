output "dns_name" {
  description = "DNS name of the load balancer."
  value       = aws_lb.this.dns_name
}

output "zone_id" {
  description = "Route 53 zone of the load balancer (for an alias record)."
  value       = aws_lb.this.zone_id
}

output "arn_suffix" {
  description = "ARN suffix (CloudWatch dimension LoadBalancer)."
  value       = aws_lb.this.arn_suffix
}

output "api_target_group_arn" {
  description = "Target group of the API service."
  value       = aws_lb_target_group.api.arn
}

output "api_target_group_arn_suffix" {
  description = "ARN suffix of the API target group (CloudWatch dimension TargetGroup)."
  value       = aws_lb_target_group.api.arn_suffix
}

output "console_target_group_arn" {
  description = "Target group of the control-plane service."
  value       = aws_lb_target_group.console.arn
}

output "console_target_group_arn_suffix" {
  description = "ARN suffix of the control-plane target group."
  value       = aws_lb_target_group.console.arn_suffix
}

output "api_endpoint" {
  description = "Base URL of the scoring API."
  value       = local.https ? "https://${aws_lb.this.dns_name}" : "http://${aws_lb.this.dns_name}"
}

output "console_endpoint" {
  description = "Base URL of the control plane (registry API, pipelines, console)."
  value       = "${local.https ? "https" : "http"}://${aws_lb.this.dns_name}:${var.console_port}"
}
