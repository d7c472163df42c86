#!/usr/bin/env python3
"""Reference side of `homeprice bench kafka`: the confluent-kafka Python client.

Produces the messages of a file (one `key<TAB>value` per line) to a topic, then consumes them
back, with the same client settings as the Swift wrapper, and prints one JSON object:
{"produceSeconds", "consumeSeconds", "messages"}.
"""
import json
import sys
import time

from confluent_kafka import Consumer, Producer, TopicPartition


def main() -> None:
    bootstrap, topic, path, partitions = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])
    with open(path, "rb") as handle:
        records = [line.rstrip(b"\n").split(b"\t", 1) for line in handle]

    producer = Producer({
        "bootstrap.servers": bootstrap,
        "linger.ms": 50,
        "batch.num.messages": 10000,
        "batch.size": 1000000,
        "queue.buffering.max.messages": 100000,
        "acks": "all",
    })
    started = time.perf_counter()
    for key, value in records:
        while True:
            try:
                producer.produce(topic, value=value, key=key)
                break
            except BufferError:
                producer.poll(0.001)
        producer.poll(0)
    producer.flush(120)
    produce_seconds = time.perf_counter() - started

    consumer = Consumer({
        "bootstrap.servers": bootstrap,
        "group.id": "bench-python",
        "enable.auto.commit": False,
        "fetch.wait.max.ms": 500,
    })
    started = time.perf_counter()
    consumer.assign([TopicPartition(topic, partition, 0) for partition in range(partitions)])
    received = 0
    while received < len(records):
        for message in consumer.consume(10000, 1.0):
            if message.error() is None:
                received += 1
    consume_seconds = time.perf_counter() - started
    consumer.close()
    print(json.dumps({"produceSeconds": produce_seconds, "consumeSeconds": consume_seconds, "messages": received}))


if __name__ == "__main__":
    main()
