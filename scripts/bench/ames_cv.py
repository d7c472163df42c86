#!/usr/bin/env python3
"""Chooses the Ames settings of configs/model/bench-ames.json on the training rows only.

5-fold cross-validation over the rows NOT in ames_test_rows.txt (the test rows are never read):
for each candidate (featureFractionByNode, minDataPerCategory) it runs `homeprice model fit` on
four folds, measures RMSE on log price on the fifth, and prints the mean per candidate as JSON.

Usage: ames_cv.py [--homeprice PATH] [--data ../shared/data]   (run from the project root)
"""
import argparse
import json
import os
import random
import subprocess
import tempfile

CANDIDATES = [(f, m) for f in (1.0, 0.5, 0.3) for m in (100, 10)]


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--homeprice", default=".build/release/homeprice")
    parser.add_argument("--data", default="../shared/data")
    parser.add_argument("--folds", type=int, default=5)
    args = parser.parse_args()
    with open(os.path.join(args.data, "ames.csv"), newline="") as f:
        lines = [line for line in f.read().split("\n") if line]
    test = {int(s) for s in open(os.path.join(args.data, "ames_test_rows.txt")).read().split()}
    train = [line for i, line in enumerate(lines[1:]) if i not in test]
    order = list(range(len(train)))
    random.Random(2024).shuffle(order)
    base = json.load(open("configs/model/bench-ames.json"))
    results = {}
    with tempfile.TemporaryDirectory() as tmp:
        csv = os.path.join(tmp, "train.csv")
        with open(csv, "w") as f:
            f.write("\n".join([lines[0]] + train) + "\n")
        for fraction, per_category in CANDIDATES:
            config = json.loads(json.dumps(base))
            config["gbm"]["featureFractionByNode"] = fraction
            config["gbm"]["minDataPerCategory"] = per_category
            config["ridgeLambda"] = None
            config_path = os.path.join(tmp, "config.json")
            json.dump(config, open(config_path, "w"))
            scores = []
            for k in range(args.folds):
                rows_path = os.path.join(tmp, "fold.txt")
                with open(rows_path, "w") as f:
                    f.write("\n".join(str(i) for i in sorted(order[k::args.folds])) + "\n")
                out = subprocess.run(
                    [args.homeprice, "model", "fit", "--csv", csv, "--target", "Sale_Price", "--test-rows", rows_path,
                     "--config", config_path, "--out", os.path.join(tmp, "model.hpm")],
                    check=True, capture_output=True, text=True).stdout
                scores.append(json.loads(out)["summary"]["metrics"]["test"]["rmse"])
            results[f"featureFractionByNode={fraction},minDataPerCategory={per_category}"] = {
                "mean_rmse": sum(scores) / len(scores), "folds": scores}
    print(json.dumps(results, indent=2))


if __name__ == "__main__":
    main()
