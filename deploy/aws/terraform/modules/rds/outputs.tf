output "instance_id" {
  description = "Identifier of the DB instance (CloudWatch dimension DBInstanceIdentifier)."
  value       = aws_db_instance.this.identifier
}

output "endpoint" {
  description = "host:port of the database."
  value       = aws_db_instance.this.endpoint
}

output "address" {
  description = "Host name of the database."
  value       = aws_db_instance.this.address
}

output "port" {
  description = "Port of the database."
  value       = aws_db_instance.this.port
}

output "db_name" {
  description = "Database name."
  value       = aws_db_instance.this.db_name
}

output "secret_arn" {
  description = "Secrets Manager secret with the master credentials (JSON keys username, password, host, port, dbname)."
  value       = aws_secretsmanager_secret.db.arn
}

output "max_connections" {
  description = "Default max_connections of the instance class (for the connections alarm)."
  value       = min(floor(data.aws_ec2_instance_type.db.memory_size * 1048576 / 9531392), 5000)
}
