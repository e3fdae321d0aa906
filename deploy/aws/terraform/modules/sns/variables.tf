# sns: the alarm topic and an e-mail subscription per address (each address confirms once).

variable "name" {
  type        = string
  description = "Topic name prefix (<name>-alerts)."
}

variable "email_addresses" {
  type        = list(string)
  description = "Addresses that receive the alarms."
  default     = []
}
