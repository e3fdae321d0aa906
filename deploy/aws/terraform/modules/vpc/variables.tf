# vpc: two availability zones, a public and a private subnet in each, an internet gateway, NAT
# gateways (one per zone, or one in all with single_nat_gateway) and an S3 gateway endpoint.

variable "name" {
  type        = string
  description = "Name prefix of every resource."
}

variable "cidr" {
  type        = string
  description = "IPv4 range of the VPC; subnets are /24 blocks of it."
}

variable "single_nat_gateway" {
  type        = bool
  description = "One NAT gateway shared by both private subnets instead of one per zone."
  default     = false
}

variable "az_count" {
  type        = number
  description = "Availability zones used (the ALB and a multi-AZ database need 2)."
  default     = 2

  validation {
    condition     = var.az_count >= 2 && var.az_count <= 3
    error_message = "az_count must be 2 or 3."
  }
}
