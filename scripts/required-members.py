#!/usr/bin/env python3
"""Prints the required request members of the given APIs from botocore's service models, as JSON:
{"emr": {"DescribeCluster": ["ClusterId"]}, ...}. Usage: required-members.py emr:DescribeCluster ...
The AWS SDK for Java's model classes do not keep which members are required; botocore's do.
RequiredMembersTest runs this to check src/main/resources/io/flowport/templates/required-members.json."""
import json
import sys

import botocore.session

session = botocore.session.get_session()
out = {}
for arg in sys.argv[1:]:
    service, api = arg.split(":")
    op = session.get_service_model(service).operation_model(api)
    shape = op.input_shape
    out.setdefault(service, {})[api] = sorted(shape.required_members) if shape else []
print(json.dumps(out, indent=2, sort_keys=True))
