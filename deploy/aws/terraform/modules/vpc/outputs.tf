output "vpc_id" {
  description = "ID of the VPC."
  value       = aws_vpc.this.id
}

output "vpc_cidr" {
  description = "IPv4 range of the VPC."
  value       = aws_vpc.this.cidr_block
}

output "public_subnet_ids" {
  description = "Public subnets (load balancer, NAT gateways), one per zone."
  value       = aws_subnet.public[*].id
}

output "private_subnet_ids" {
  description = "Private subnets (tasks, database), one per zone."
  value       = aws_subnet.private[*].id
}

output "nat_gateway_count" {
  description = "NAT gateways created (1 with single_nat_gateway)."
  value       = length(aws_nat_gateway.this)
}
