#!/usr/bin/env python3
"""One CloudFormation template of 7 x N resources (buckets, roles, policies joined into the roles,
VPCs, flow logs, security groups, trails), for measuring how a scan grows with a template's size.

Usage: scripts/gen_large_template.py N OUTDIR   (writes OUTDIR/t.yaml)
"""
import os,sys
def gen(n, path):
    out=["AWSTemplateFormatVersion: '2010-09-09'","Resources:"]
    for i in range(n):
        out+=[f"  Bucket{i}:","    Type: AWS::S3::Bucket","    Properties:",f"      BucketName: b-{i}",
              f"  Role{i}:","    Type: AWS::IAM::Role","    Properties:","      AssumeRolePolicyDocument:","        Statement:","          - Effect: Allow","            Principal: {Service: lambda.amazonaws.com}","            Action: sts:AssumeRole",
              f"  Policy{i}:","    Type: AWS::IAM::Policy","    Properties:",f"      PolicyName: p{i}","      PolicyDocument:","        Statement:","          - Effect: Allow","            Action: s3:GetObject",f"            Resource: !GetAtt Bucket{i}.Arn",f"      Roles: [!Ref Role{i}]",
              f"  Vpc{i}:","    Type: AWS::EC2::VPC","    Properties:","      CidrBlock: 10.0.0.0/16",
              f"  Log{i}:","    Type: AWS::EC2::FlowLog","    Properties:",f"      ResourceId: !Ref Vpc{i}","      ResourceType: VPC","      TrafficType: ALL",
              f"  Sg{i}:","    Type: AWS::EC2::SecurityGroup","    Properties:","      GroupDescription: x",f"      VpcId: !Ref Vpc{i}",
              f"  Trail{i}:","    Type: AWS::CloudTrail::Trail","    Properties:","      IsLogging: true",f"      S3BucketName: !Ref Bucket{i}"]
    open(path,'w').write("\n".join(out)+"\n")
n=int(sys.argv[1]); d=sys.argv[2]
os.makedirs(d,exist_ok=True); gen(n,f"{d}/t.yaml")
