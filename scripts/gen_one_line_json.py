#!/usr/bin/env python3
"""Machine-written JSON inputs, on one line and indented, for measuring how parsing grows with
line length: a CloudFormation template of N buckets and a Terraform plan of N buckets (the
shape `terraform show -json` writes).

Usage: scripts/gen_one_line_json.py N OUTDIR
  writes OUTDIR/{cfn-line,cfn-indented,plan-line,plan-indented}/ each with one file.
"""
import json, os, sys

def cfn(n):
    return {"AWSTemplateFormatVersion": "2010-09-09", "Resources": {
        f"Bucket{i}": {"Type": "AWS::S3::Bucket", "Properties": {
            "BucketName": f"b-{i}", "Tags": [{"Key": "team", "Value": "é-data"}]}}
        for i in range(n)}}

def plan(n):
    res = [{"address": f"aws_s3_bucket.b{i}", "mode": "managed", "type": "aws_s3_bucket",
            "name": f"b{i}", "provider_name": "registry.terraform.io/hashicorp/aws",
            "schema_version": 0, "values": {"bucket": f"b-{i}", "tags": {"team": "é-data"}}}
           for i in range(n)]
    return {"format_version": "1.2", "terraform_version": "1.9.0",
            "planned_values": {"root_module": {"resources": res}},
            "configuration": {"root_module": {"resources": [
                {"address": r["address"], "mode": "managed", "type": r["type"], "name": r["name"],
                 "expressions": {"bucket": {"constant_value": r["values"]["bucket"]}}} for r in res]}}}

n, d = int(sys.argv[1]), sys.argv[2]
for name, doc, file in [("cfn", cfn(n), "template.json"), ("plan", plan(n), "plan.json")]:
    for shape, indent in [("line", None), ("indented", 2)]:
        os.makedirs(f"{d}/{name}-{shape}", exist_ok=True)
        with open(f"{d}/{name}-{shape}/{file}", "w") as f:
            json.dump(doc, f, indent=indent, ensure_ascii=False)
