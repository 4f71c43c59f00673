# METADATA
# title: S3 buckets must be encrypted with a KMS key managed in the same stack
# description: >-
#   Data buckets are encrypted with a customer managed KMS key that the same template or
#   Terraform module defines, with rotation on, so that the team owning the data also owns
#   who may decrypt it. AWS managed keys and SSE-S3 leave decryption to anyone with S3 access.
# custom:
#   id: ACME-S3-001
#   severity: high
#   area: data-at-rest
#   best_practices: [SEC08-BP01, SEC08-BP02]
#   remediation: Set the bucket's default encryption to aws:kms with a key of the same stack that rotates.
#   kinds: [bucket]
package acme.s3_kms_key_in_stack

# The KMS keys of the same template or module, by address.
keys[r.address] := r if {
	some r in data.wasp.resources
	r.kind == "kms_key"
}

# The keys of the same stack the bucket's key refers to: `!Ref DataKey`, `!GetAtt DataKey.Arn`,
# `aws_kms_key.data.arn` are unknown values whose reason names the address.
bucket_keys contains a if {
	reason := input.kms_key.unknown
	some a, _ in keys
	some tail in ["`", "."]
	startswith(reason, concat("", ["refers to `", a, tail]))
}

deny contains "the bucket has no default encryption" if input.sse_algorithm == null

deny contains sprintf("the bucket is encrypted with %s, not with a KMS key", [input.sse_algorithm]) if {
	is_string(input.sse_algorithm)
	not startswith(input.sse_algorithm, "aws:kms")
}

deny contains "the bucket's KMS key is not a key of the same stack" if {
	is_string(input.sse_algorithm)
	startswith(input.sse_algorithm, "aws:kms")
	count(bucket_keys) == 0
}

deny contains sprintf("KMS key %s does not rotate", [a]) if {
	some a in bucket_keys
	keys[a].rotation != true
	not keys[a].rotation.unknown
}

unknown contains input.sse_algorithm.unknown
