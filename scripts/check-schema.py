#!/usr/bin/env python3
"""Validates JSON instances against a JSON Schema (draft 2020-12) with the jsonschema package.

Usage: check-schema.py SCHEMA.json INSTANCE.json...
Prints one line per instance: `PATH: ok` or `PATH: invalid: MESSAGE (at PATH-IN-DOCUMENT)`.
Exits 0 when it could check every instance (valid or not), 2 when the schema itself is invalid.
Used by the Swift tests (Tests/ZoneLabModelTests/SchemaTests.swift); needs python3-jsonschema.
"""
import json
import sys

import jsonschema


def main() -> int:
    with open(sys.argv[1], encoding="utf-8") as f:
        schema = json.load(f)
    try:
        jsonschema.Draft202012Validator.check_schema(schema)
    except jsonschema.exceptions.SchemaError as error:
        print(f"schema: invalid: {error.message}")
        return 2
    validator = jsonschema.Draft202012Validator(schema)
    for path in sys.argv[2:]:
        with open(path, encoding="utf-8") as f:
            instance = json.load(f)
        errors = sorted(validator.iter_errors(instance), key=lambda e: list(e.absolute_path))
        if errors:
            where = "/".join(str(p) for p in errors[0].absolute_path)
            print(f"{path}: invalid: {errors[0].message} (at /{where})")
        else:
            print(f"{path}: ok")
    return 0


if __name__ == "__main__":
    sys.exit(main())
