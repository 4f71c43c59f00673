# METADATA
# title: Lambda functions must run on a runtime the platform team supports
# description: >-
#   The platform team patches, monitors and supports a short list of Lambda runtimes. A
#   function on any other runtime misses the organisation's vulnerability management: its
#   dependencies are not scanned and its runtime is not upgraded on schedule.
# custom:
#   id: ACME-LAMBDA-001
#   severity: medium
#   area: compute
#   best_practices: [SEC06-BP01]
#   remediation: Move the function to one of the supported runtimes (python3.12, python3.13, nodejs20.x, nodejs22.x, java21).
#   kinds: [function]
package acme.lambda_approved_runtime

supported := {"python3.12", "python3.13", "nodejs20.x", "nodejs22.x", "java21"}

# A runtime written in the template that is not on the list.
deny contains msg if {
	is_string(input.runtime)
	not supported[input.runtime]
	msg := sprintf("runtime %s is not supported by the platform team", [input.runtime])
}

# The runtime comes from a parameter or variable without a value.
unknown contains input.runtime.unknown
