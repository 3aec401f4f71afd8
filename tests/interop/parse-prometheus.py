#!/usr/bin/python3
"""Parses a Prometheus text-format scrape with the official Python client's parser (Debian's
python3-prometheus-client), a scraper independent of prometheus-net. Usage: parse-prometheus.py SCRAPE.txt
Prints "<family> <type> <series>" per family (series: distinct label sets without le) and exits 1 when the text
does not parse."""
import sys

from prometheus_client.parser import text_string_to_metric_families

try:
    with open(sys.argv[1], encoding="utf-8") as scrape:
        families = list(text_string_to_metric_families(scrape.read()))
except Exception as error:  # noqa: BLE001 - any parse error is the answer
    print(f"FAIL {sys.argv[1]}: {error}")
    sys.exit(1)

for family in families:
    series = {tuple(sorted((k, v) for k, v in s.labels.items() if k != "le")) for s in family.samples}
    # The parser names a counter's family without _total; the exposition (and docs/metrics.md) names it with it.
    name = family.name + "_total" if family.type == "counter" else family.name
    print(f"{name} {family.type} {len(series)}")
