#!/usr/bin/env python3
"""Reference side of `homeprice bench training`: LightGBM and XGBoost on the same data.

Usage:
  training_reference.py ames --csv ames.csv --test-rows ames_test_rows.txt [--rounds 1000 ...]
  training_reference.py synthetic [--rows 1000000 --holdout 200000 ...]

Each library is measured in its own child process (so peak memory, ru_maxrss,
belongs to that library alone). Prints one JSON object on stdout.
Needs the PyPI packages of requirements-bench.txt (numpy, lightgbm, xgboost-cpu).
"""
import argparse
import csv
import json
import math
import multiprocessing as mp
import resource
import time

import numpy as np

MASK64 = (1 << 64) - 1
GOLDEN = 0x9E3779B97F4A7C15
UNIFORMS_PER_ROW = 46
FEATURES = 22


# ---------------------------------------------------------------- synthetic data (synthetic.md)

def synthetic(first_row, rows, chunk=8192):
    """Rows first_row..first_row+rows-1 of the synthetic set: X (float64, rows x 22) and y."""
    x = np.empty((rows, FEATURES), dtype=np.float64)
    y = np.empty(rows, dtype=np.float64)
    e0 = (np.arange(10) * 3 % 10) / 4.5 - 1.0
    e1 = (np.arange(100) * 37 % 100) / 50.0 - 1.0
    with np.errstate(over="ignore"):
        for start in range(0, rows, chunk):
            n = min(chunk, rows - start)
            k = np.arange((first_row + start) * UNIFORMS_PER_ROW,
                          (first_row + start + n) * UNIFORMS_PER_ROW, dtype=np.uint64)
            z = np.uint64(42) + (k + np.uint64(1)) * np.uint64(GOLDEN)
            z = (z ^ (z >> np.uint64(30))) * np.uint64(0xBF58476D1CE4E5B9)
            z = (z ^ (z >> np.uint64(27))) * np.uint64(0x94D049BB133111EB)
            z = z ^ (z >> np.uint64(31))
            v = ((z >> np.uint64(11)).astype(np.float64) * 2.0 ** -53).reshape(n, UNIFORMS_PER_ROW)
            xs = x[start:start + n]
            xs[:, 0:10] = v[:, 0:10]
            for m in range(10):
                xs[:, 10 + m] = 2.0 * ((v[:, 10 + 3 * m] + v[:, 11 + 3 * m]) + v[:, 12 + 3 * m]) - 3.0
            c0 = np.floor(10.0 * v[:, 40])
            c1 = np.floor(100.0 * v[:, 41])
            xs[:, 20] = c0
            xs[:, 21] = c1
            noise = ((v[:, 42] + v[:, 43]) + (v[:, 44] + v[:, 45])) - 2.0
            t = 2.0 * xs[:, 0]
            t = t + 3.0 * (xs[:, 1] * xs[:, 1])
            t = t - (2.0 * xs[:, 2]) * xs[:, 3]
            t = t + np.where(xs[:, 4] > 0.5, 1.5, 0.0)
            t = t + 0.8 * xs[:, 10]
            t = t + (0.5 * xs[:, 11]) * xs[:, 12]
            t = t + np.abs(xs[:, 13])
            t = t - 0.3 * (xs[:, 14] * xs[:, 14])
            t = t + e0[c0.astype(np.int64)]
            t = t + e1[c1.astype(np.int64)]
            y[start:start + n] = t + noise
    return x, y


# ---------------------------------------------------------------- Ames CSV

def read_table(path, target, empty_as, log_target):
    with open(path, newline="") as f:
        rows = list(csv.reader(f))
    header, body = rows[0], rows[1:]
    t = header.index(target)
    names, columns, kinds = [], [], []
    for c, name in enumerate(header):
        if c == t:
            continue
        cells = [r[c] if not (r[c] == "" and name in empty_as) else empty_as[name] for r in body]
        try:
            values = [float(s) if s not in ("", "NA") else math.nan for s in cells]
            names.append(name)
            columns.append(values)
            kinds.append("q")
        except ValueError:
            levels = sorted({s for s in cells if s not in ("", "NA")})
            code = {s: float(i) for i, s in enumerate(levels)}
            names.append(name)
            columns.append([code.get(s, math.nan) for s in cells])
            kinds.append("c")
    y = np.array([float(r[t]) for r in body])
    if log_target:
        y = np.log(y)
    return names, kinds, np.array(columns, dtype=np.float64).T, y


# ---------------------------------------------------------------- measured runs (child processes)

def _measure(queue, library, params, which):
    """Trains one library in this (child) process and reports figures."""
    if which["data"] == "synthetic":
        x, y = synthetic(0, which["rows"])
        xt, yt = synthetic(which["rows"], which["holdout"])
        kinds = ["q"] * 20 + ["c", "c"]
    else:
        names, kinds, x_all, y_all = read_table(which["csv"], which["target"], which["empty_as"], True)
        test = set(int(s) for s in open(which["test_rows"]).read().split())
        is_test = np.array([i in test for i in range(len(y_all))])
        x, y, xt, yt = x_all[~is_test], y_all[~is_test], x_all[is_test], y_all[is_test]
    cat_idx = [i for i, k in enumerate(kinds) if k == "c"]
    base_rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    start = time.perf_counter()
    if library == "lightgbm":
        import lightgbm as lgb
        ds = lgb.Dataset(x, y, categorical_feature=cat_idx, free_raw_data=False,
                         params={"max_bin": params["max_bin"], "verbose": -1})
        booster = lgb.train({"objective": "regression", "learning_rate": params["learning_rate"],
                             "num_leaves": params["num_leaves"], "max_depth": params["lgb_max_depth"],
                             "max_bin": params["max_bin"], "num_threads": params["threads"],
                             "verbose": -1, "seed": 42, "deterministic": True},
                            ds, num_boost_round=params["rounds"])
        train_seconds = time.perf_counter() - start
        predict = lambda m: booster.predict(m, num_threads=params["threads"])
        predict1 = lambda m: booster.predict(m, num_threads=1)
    else:
        import xgboost as xgb
        dm = xgb.DMatrix(x, y, feature_types=kinds, enable_categorical=True, nthread=params["threads"])
        booster = xgb.train({"objective": "reg:squarederror", "eta": params["learning_rate"],
                             "max_depth": params["xgb_max_depth"], "max_bin": params["max_bin"],
                             "tree_method": "hist", "nthread": params["threads"], "seed": 42},
                            dm, num_boost_round=params["rounds"])
        train_seconds = time.perf_counter() - start
        predict = lambda m: booster.inplace_predict(m)
        predict1 = predict
        booster.set_param({"nthread": params["threads"]})
    peak_rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    start = time.perf_counter()
    pred = predict(xt)
    predict_seconds = time.perf_counter() - start
    start = time.perf_counter()
    if library == "xgboost":
        import xgboost as xgb
        booster.set_param({"nthread": 1})
    predict1(xt)
    predict1_seconds = time.perf_counter() - start
    single = xt[:1]
    for _ in range(20):
        predict1(single)
    reps = 500
    start = time.perf_counter()
    for i in range(reps):
        predict1(xt[i % len(xt):i % len(xt) + 1])
    single_us = (time.perf_counter() - start) / reps * 1e6
    err = pred - yt
    result = {
        "rmse": float(np.sqrt(np.mean(err ** 2))),
        "mae": float(np.mean(np.abs(err))),
        "train_seconds": train_seconds,
        "peak_memory_mib": peak_rss / 1024.0,
        "data_memory_mib": base_rss / 1024.0,
        "predictions_per_second_2_threads": len(xt) / predict_seconds,
        "predictions_per_second_1_thread": len(xt) / predict1_seconds,
        "single_row_microseconds": single_us,
    }
    if which["data"] == "ames":
        price, predicted = np.exp(yt), np.exp(pred)
        result["mae_price"] = float(np.mean(np.abs(predicted - price)))
        result["mape"] = float(np.mean(np.abs(predicted - price) / price))
    queue.put(result)


def run(library, params, which):
    ctx = mp.get_context("spawn")
    queue = ctx.Queue()
    child = ctx.Process(target=_measure, args=(queue, library, params, which))
    child.start()
    result = queue.get()
    child.join()
    return result


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("data", choices=["ames", "synthetic"])
    parser.add_argument("--csv")
    parser.add_argument("--test-rows")
    parser.add_argument("--target", default="Sale_Price")
    parser.add_argument("--empty-as", default="Mas_Vnr_Type=None,Misc_Feature=None")
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--holdout", type=int, default=200_000)
    parser.add_argument("--rounds", type=int)
    parser.add_argument("--learning-rate", type=float)
    parser.add_argument("--num-leaves", type=int, default=31)
    parser.add_argument("--max-depth", type=int, default=6, help="depth limit of both libraries (-1: none)")
    parser.add_argument("--max-bin", type=int, default=255)
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--libraries", default="lightgbm,xgboost")
    args = parser.parse_args()
    ames = args.data == "ames"
    params = {
        "rounds": args.rounds or (1000 if ames else 200),
        "learning_rate": args.learning_rate or (0.05 if ames else 0.1),
        "num_leaves": args.num_leaves, "lgb_max_depth": args.max_depth, "xgb_max_depth": args.max_depth,
        "max_bin": args.max_bin, "threads": args.threads,
    }
    which = {"data": args.data, "rows": args.rows, "holdout": args.holdout, "csv": args.csv,
             "test_rows": args.test_rows, "target": args.target,
             "empty_as": dict(kv.split("=", 1) for kv in args.empty_as.split(",") if kv)}
    out = {"data": args.data, "params": params}
    for library in args.libraries.split(","):
        out[library] = run(library, params, which)
    print(json.dumps(out))


if __name__ == "__main__":
    main()
