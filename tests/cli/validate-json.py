#!/usr/bin/python3
"""Validates a JSON document against a JSON Schema (draft 2020-12).

Usage: validate-json.py SCHEMA INSTANCE
Exit 0 when INSTANCE is valid; 1 with the reasons on standard error when it is not, or when
SCHEMA is not a valid schema itself.
"""
import json
import sys

import jsonschema


def main():
    schema_path, instance_path = sys.argv[1], sys.argv[2]
    with open(schema_path, encoding="utf-8") as f:
        schema = json.load(f)
    with open(instance_path, encoding="utf-8") as f:
        instance = json.load(f)
    jsonschema.Draft202012Validator.check_schema(schema)
    errors = list(jsonschema.Draft202012Validator(schema).iter_errors(instance))
    for error in errors:
        where = "/".join(str(part) for part in error.absolute_path) or "(the document)"
        print(f"{instance_path}: {where}: {error.message}", file=sys.stderr)
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
