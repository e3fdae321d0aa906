# ecr: the image repositories (one: every fraudops role runs the same image), scanned on push,
# immutable tags (a tag always means the same image: rollback by tag is safe), lifecycle rules.

variable "repository_names" {
  type        = list(string)
  description = "Repository names; each is suffixed with -<environment>."
}

variable "environment" {
  type        = string
  description = "Environment suffix of the repository names."
}

variable "keep_tagged_images" {
  type        = number
  description = "Tagged images kept per repository (older ones expire)."
  default     = 50
}

variable "untagged_expiry_days" {
  type        = number
  description = "Days before an untagged image (a superseded build layer set) expires."
  default     = 7
}
