output "topic_arn" {
  description = "ARN of the alarm topic."
  value       = aws_sns_topic.alerts.arn
}

output "subscribed_addresses" {
  description = "Addresses subscribed (pending until confirmed)."
  value       = sort(keys(aws_sns_topic_subscription.email))
}
