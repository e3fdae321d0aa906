resource "random_password" "master" {
  count = var.password == null ? 1 : 0

  length  = 32
  special = true
  # RDS refuses /, @, " and spaces in master passwords.
  override_special = "!#$%&*()-_=+[]{}<>:?"
}

locals {
  password = var.password == null ? random_password.master[0].result : var.password
}

resource "aws_db_subnet_group" "this" {
  name       = "${var.name}-rds"
  subnet_ids = var.subnet_ids

  tags = { Name = "${var.name}-rds" }
}

resource "aws_db_parameter_group" "this" {
  name   = "${var.name}-postgres${var.engine_version}"
  family = "postgres${var.engine_version}"

  # Clients must use TLS (FRAUDOPS_DB_URL carries sslmode=require).
  parameter {
    name  = "rds.force_ssl"
    value = "1"
  }

  # Statements slower than 500 ms land in the log: the registry should never be that slow.
  parameter {
    name  = "log_min_duration_statement"
    value = "500"
  }

  lifecycle {
    create_before_destroy = true
  }
}

resource "aws_db_instance" "this" {
  identifier     = "${var.name}-rds"
  engine         = "postgres"
  engine_version = var.engine_version
  instance_class = var.instance_class

  db_name  = var.db_name
  username = var.username
  password = local.password
  port     = 5432

  allocated_storage     = var.allocated_storage
  max_allocated_storage = var.max_allocated_storage
  storage_type          = "gp3"
  storage_encrypted     = true

  multi_az               = var.multi_az
  db_subnet_group_name   = aws_db_subnet_group.this.name
  vpc_security_group_ids = [var.security_group_id]
  publicly_accessible    = false
  parameter_group_name   = aws_db_parameter_group.this.name

  backup_retention_period    = var.backup_retention_days
  backup_window              = "02:00-02:30"
  maintenance_window         = "sun:04:30-sun:05:30"
  copy_tags_to_snapshot      = true
  auto_minor_version_upgrade = true
  deletion_protection        = var.deletion_protection
  skip_final_snapshot        = false
  final_snapshot_identifier  = "${var.name}-rds-final"

  enabled_cloudwatch_logs_exports = var.cloudwatch_logs_enabled ? ["postgresql"] : []

  tags = { Name = "${var.name}-rds" }
}

resource "aws_secretsmanager_secret" "db" {
  name                    = "${var.name}/rds/master"
  description             = "fraudops registry database: master user credentials"
  recovery_window_in_days = 7
}

resource "aws_secretsmanager_secret_version" "db" {
  secret_id     = aws_secretsmanager_secret.db.id
  secret_string = jsonencode({
    username = var.username
    password = local.password
    host     = aws_db_instance.this.address
    port     = aws_db_instance.this.port
    dbname   = var.db_name
  })
}

# PostgreSQL's default max_connections on RDS: LEAST(DBInstanceClassMemory / 9531392, 5000).
data "aws_ec2_instance_type" "db" {
  instance_type = trimprefix(var.instance_class, "db.")
}
