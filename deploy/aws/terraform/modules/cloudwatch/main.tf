resource "aws_cloudwatch_log_group" "this" {
  for_each = var.log_group_names

  name              = each.value
  retention_in_days = var.log_retention_days
}

locals {
  alarm_actions = [var.alarm_topic_arn]
  target_groups = {
    api             = var.api_target_group_arn_suffix
    "control-plane" = var.console_target_group_arn_suffix
  }
}

# ---- ECS -------------------------------------------------------------------------------------

resource "aws_cloudwatch_metric_alarm" "service_cpu" {
  for_each = var.service_names

  alarm_name          = "${var.name}-${each.key}-cpu-high"
  alarm_description   = "fraudops ${each.key}: average CPU above ${var.cpu_alarm_percent}% for 5 minutes"
  namespace           = "AWS/ECS"
  metric_name         = "CPUUtilization"
  dimensions          = { ClusterName = var.cluster_name, ServiceName = each.value }
  statistic           = "Average"
  period              = 60
  evaluation_periods  = 5
  threshold           = var.cpu_alarm_percent
  comparison_operator = "GreaterThanThreshold"
  treat_missing_data  = "notBreaching"
  alarm_actions       = local.alarm_actions
  ok_actions          = local.alarm_actions
}

resource "aws_cloudwatch_metric_alarm" "service_memory" {
  for_each = var.service_names

  alarm_name          = "${var.name}-${each.key}-memory-high"
  alarm_description   = "fraudops ${each.key}: average memory above ${var.memory_alarm_percent}% for 5 minutes"
  namespace           = "AWS/ECS"
  metric_name         = "MemoryUtilization"
  dimensions          = { ClusterName = var.cluster_name, ServiceName = each.value }
  statistic           = "Average"
  period              = 60
  evaluation_periods  = 5
  threshold           = var.memory_alarm_percent
  comparison_operator = "GreaterThanThreshold"
  treat_missing_data  = "notBreaching"
  alarm_actions       = local.alarm_actions
  ok_actions          = local.alarm_actions
}

# ---- load balancer ---------------------------------------------------------------------------

resource "aws_cloudwatch_metric_alarm" "api_5xx_rate" {
  alarm_name          = "${var.name}-api-5xx-rate"
  alarm_description   = "fraudops api: more than ${var.error_rate_alarm_percent}% of requests answered 5xx over 5 minutes"
  evaluation_periods  = 5
  datapoints_to_alarm = 3
  threshold           = var.error_rate_alarm_percent
  comparison_operator = "GreaterThanThreshold"
  treat_missing_data  = "notBreaching"
  alarm_actions       = local.alarm_actions
  ok_actions          = local.alarm_actions

  metric_query {
    id          = "rate"
    expression  = "100 * (FILL(target5xx, 0) + FILL(elb5xx, 0)) / FILL(requests, 1)"
    label       = "5xx rate (%)"
    return_data = true
  }

  metric_query {
    id = "target5xx"
    metric {
      namespace   = "AWS/ApplicationELB"
      metric_name = "HTTPCode_Target_5XX_Count"
      dimensions  = { LoadBalancer = var.alb_arn_suffix, TargetGroup = var.api_target_group_arn_suffix }
      period      = 60
      stat        = "Sum"
    }
  }

  metric_query {
    id = "elb5xx"
    metric {
      namespace   = "AWS/ApplicationELB"
      metric_name = "HTTPCode_ELB_5XX_Count"
      dimensions  = { LoadBalancer = var.alb_arn_suffix }
      period      = 60
      stat        = "Sum"
    }
  }

  metric_query {
    id = "requests"
    metric {
      namespace   = "AWS/ApplicationELB"
      metric_name = "RequestCount"
      dimensions  = { LoadBalancer = var.alb_arn_suffix, TargetGroup = var.api_target_group_arn_suffix }
      period      = 60
      stat        = "Sum"
    }
  }
}

resource "aws_cloudwatch_metric_alarm" "api_p95_latency" {
  alarm_name          = "${var.name}-api-p95-latency"
  alarm_description   = "fraudops api: p95 response time above ${var.p95_latency_alarm_seconds * 1000} ms for 3 of 5 minutes"
  namespace           = "AWS/ApplicationELB"
  metric_name         = "TargetResponseTime"
  dimensions          = { LoadBalancer = var.alb_arn_suffix, TargetGroup = var.api_target_group_arn_suffix }
  extended_statistic  = "p95"
  period              = 60
  evaluation_periods  = 5
  datapoints_to_alarm = 3
  threshold           = var.p95_latency_alarm_seconds
  comparison_operator = "GreaterThanThreshold"
  treat_missing_data  = "notBreaching"
  alarm_actions       = local.alarm_actions
  ok_actions          = local.alarm_actions
}

resource "aws_cloudwatch_metric_alarm" "unhealthy_targets" {
  for_each = local.target_groups

  alarm_name          = "${var.name}-${each.key}-unhealthy-targets"
  alarm_description   = "fraudops ${each.key}: a task fails the load balancer's /health check"
  namespace           = "AWS/ApplicationELB"
  metric_name         = "UnHealthyHostCount"
  dimensions          = { LoadBalancer = var.alb_arn_suffix, TargetGroup = each.value }
  statistic           = "Maximum"
  period              = 60
  evaluation_periods  = 3
  threshold           = 0
  comparison_operator = "GreaterThanThreshold"
  treat_missing_data  = "notBreaching"
  alarm_actions       = local.alarm_actions
  ok_actions          = local.alarm_actions
}

# ---- database --------------------------------------------------------------------------------

resource "aws_cloudwatch_metric_alarm" "rds_cpu" {
  alarm_name          = "${var.name}-rds-cpu-high"
  alarm_description   = "fraudops registry database: CPU above ${var.rds_cpu_alarm_percent}% for 10 minutes"
  namespace           = "AWS/RDS"
  metric_name         = "CPUUtilization"
  dimensions          = { DBInstanceIdentifier = var.rds_instance_id }
  statistic           = "Average"
  period              = 300
  evaluation_periods  = 2
  threshold           = var.rds_cpu_alarm_percent
  comparison_operator = "GreaterThanThreshold"
  treat_missing_data  = "breaching"
  alarm_actions       = local.alarm_actions
  ok_actions          = local.alarm_actions
}

resource "aws_cloudwatch_metric_alarm" "rds_free_storage" {
  alarm_name          = "${var.name}-rds-storage-low"
  alarm_description   = "fraudops registry database: less than ${var.rds_free_storage_alarm_percent}% of the allocated storage free"
  namespace           = "AWS/RDS"
  metric_name         = "FreeStorageSpace"
  dimensions          = { DBInstanceIdentifier = var.rds_instance_id }
  statistic           = "Minimum"
  period              = 300
  evaluation_periods  = 1
  threshold           = floor(var.rds_allocated_storage_gib * 1073741824 * var.rds_free_storage_alarm_percent / 100)
  comparison_operator = "LessThanThreshold"
  treat_missing_data  = "breaching"
  alarm_actions       = local.alarm_actions
  ok_actions          = local.alarm_actions
}

resource "aws_cloudwatch_metric_alarm" "rds_connections" {
  alarm_name          = "${var.name}-rds-connections-high"
  alarm_description   = "fraudops registry database: connections above ${var.rds_connections_alarm_percent}% of max_connections"
  namespace           = "AWS/RDS"
  metric_name         = "DatabaseConnections"
  dimensions          = { DBInstanceIdentifier = var.rds_instance_id }
  statistic           = "Maximum"
  period              = 300
  evaluation_periods  = 2
  threshold           = floor(var.rds_max_connections * var.rds_connections_alarm_percent / 100)
  comparison_operator = "GreaterThanThreshold"
  treat_missing_data  = "notBreaching"
  alarm_actions       = local.alarm_actions
  ok_actions          = local.alarm_actions
}

# ---- dashboards ------------------------------------------------------------------------------

locals {
  alb_dims = ["LoadBalancer", var.alb_arn_suffix, "TargetGroup", var.api_target_group_arn_suffix]

  api_widgets = [
    {
      type       = "metric"
      x          = 0
      y          = 0
      width      = 12
      height     = 6
      properties = {
        title   = "API requests per minute"
        region  = var.aws_region
        view    = "timeSeries"
        period  = 60
        metrics = [concat(["AWS/ApplicationELB", "RequestCount"], local.alb_dims, [{ stat = "Sum" }])]
      }
    },
    {
      type       = "metric"
      x          = 12
      y          = 0
      width      = 12
      height     = 6
      properties = {
        title   = "API latency (s)"
        region  = var.aws_region
        view    = "timeSeries"
        period  = 60
        metrics = [
          concat(["AWS/ApplicationELB", "TargetResponseTime"], local.alb_dims, [{ stat = "p50", label = "p50" }]),
          concat(["AWS/ApplicationELB", "TargetResponseTime"], local.alb_dims, [{ stat = "p95", label = "p95" }]),
          concat(["AWS/ApplicationELB", "TargetResponseTime"], local.alb_dims, [{ stat = "p99", label = "p99" }]),
        ]
        annotations = { horizontal = [{ label = "p95 alarm", value = var.p95_latency_alarm_seconds }] }
      }
    },
    {
      type       = "metric"
      x          = 0
      y          = 6
      width      = 12
      height     = 6
      properties = {
        title   = "API errors"
        region  = var.aws_region
        view    = "timeSeries"
        period  = 60
        metrics = [
          concat(["AWS/ApplicationELB", "HTTPCode_Target_5XX_Count"], local.alb_dims, [{ stat = "Sum", label = "target 5xx" }]),
          concat(["AWS/ApplicationELB", "HTTPCode_Target_4XX_Count"], local.alb_dims, [{ stat = "Sum", label = "target 4xx" }]),
          ["AWS/ApplicationELB", "HTTPCode_ELB_5XX_Count", "LoadBalancer", var.alb_arn_suffix, { stat = "Sum", label = "load balancer 5xx" }],
        ]
      }
    },
    {
      type       = "metric"
      x          = 12
      y          = 6
      width      = 12
      height     = 6
      properties = {
        title   = "API targets"
        region  = var.aws_region
        view    = "timeSeries"
        period  = 60
        metrics = [
          concat(["AWS/ApplicationELB", "HealthyHostCount"], local.alb_dims, [{ stat = "Minimum", label = "healthy" }]),
          concat(["AWS/ApplicationELB", "UnHealthyHostCount"], local.alb_dims, [{ stat = "Maximum", label = "unhealthy" }]),
        ]
      }
    },
  ]

  ecs_widgets = flatten([
    for index, role in sort(keys(var.service_names)) : [
      {
        type       = "metric"
        x          = 0
        y          = index * 6
        width      = 8
        height     = 6
        properties = {
          title   = "${role}: CPU (%)"
          region  = var.aws_region
          view    = "timeSeries"
          period  = 60
          metrics = [["AWS/ECS", "CPUUtilization", "ClusterName", var.cluster_name, "ServiceName", var.service_names[role], { stat = "Average" }]]
        }
      },
      {
        type       = "metric"
        x          = 8
        y          = index * 6
        width      = 8
        height     = 6
        properties = {
          title   = "${role}: memory (%)"
          region  = var.aws_region
          view    = "timeSeries"
          period  = 60
          metrics = [["AWS/ECS", "MemoryUtilization", "ClusterName", var.cluster_name, "ServiceName", var.service_names[role], { stat = "Average" }]]
        }
      },
      {
        type       = "metric"
        x          = 16
        y          = index * 6
        width      = 8
        height     = 6
        properties = {
          title   = "${role}: running tasks"
          region  = var.aws_region
          view    = "timeSeries"
          period  = 60
          metrics = [["ECS/ContainerInsights", "RunningTaskCount", "ClusterName", var.cluster_name, "ServiceName", var.service_names[role], { stat = "Average" }]]
        }
      },
    ]
  ])

  rds_dims = ["DBInstanceIdentifier", var.rds_instance_id]

  rds_widgets = [
    {
      type       = "metric"
      x          = 0
      y          = 0
      width      = 12
      height     = 6
      properties = {
        title   = "Database CPU (%)"
        region  = var.aws_region
        view    = "timeSeries"
        period  = 300
        metrics = [concat(["AWS/RDS", "CPUUtilization"], local.rds_dims, [{ stat = "Average" }])]
      }
    },
    {
      type       = "metric"
      x          = 12
      y          = 0
      width      = 12
      height     = 6
      properties = {
        title       = "Database connections"
        region      = var.aws_region
        view        = "timeSeries"
        period      = 300
        metrics     = [concat(["AWS/RDS", "DatabaseConnections"], local.rds_dims, [{ stat = "Maximum" }])]
        annotations = { horizontal = [{ label = "max_connections", value = var.rds_max_connections }] }
      }
    },
    {
      type       = "metric"
      x          = 0
      y          = 6
      width      = 12
      height     = 6
      properties = {
        title   = "Free storage (bytes)"
        region  = var.aws_region
        view    = "timeSeries"
        period  = 300
        metrics = [concat(["AWS/RDS", "FreeStorageSpace"], local.rds_dims, [{ stat = "Minimum" }])]
      }
    },
    {
      type       = "metric"
      x          = 12
      y          = 6
      width      = 12
      height     = 6
      properties = {
        title   = "Read / write latency (s)"
        region  = var.aws_region
        view    = "timeSeries"
        period  = 300
        metrics = [
          concat(["AWS/RDS", "ReadLatency"], local.rds_dims, [{ stat = "Average" }]),
          concat(["AWS/RDS", "WriteLatency"], local.rds_dims, [{ stat = "Average" }]),
        ]
      }
    },
  ]
}

resource "aws_cloudwatch_dashboard" "api" {
  dashboard_name = "${var.name}-api"
  dashboard_body = jsonencode({ widgets = local.api_widgets })
}

resource "aws_cloudwatch_dashboard" "ecs" {
  dashboard_name = "${var.name}-ecs"
  dashboard_body = jsonencode({ widgets = local.ecs_widgets })
}

resource "aws_cloudwatch_dashboard" "rds" {
  dashboard_name = "${var.name}-rds"
  dashboard_body = jsonencode({ widgets = local.rds_widgets })
}
