"""The FastAPI + uvicorn + LightGBM reference of `homeprice bench serve`.

Written as its users write it: a pydantic model of the request, the home turned into a numpy
row, LightGBM's `predict` on it. It learns from the same Ames sales as the benchmark's model
(areas in square metres, as the canonical home carries them) and answers the same request
(`POST /v1/predictions` with `{"home": {...}}`).

    python serve_reference.py --csv ames.csv --port 8000 --workers 2

It trains once, saves the booster to a temporary file and starts uvicorn with one worker
process per core (as nginx and the Swift server use every core); each worker loads the file.
"""

import argparse
import csv
import os
import sys
import tempfile

import lightgbm as lgb
import numpy as np
from fastapi import FastAPI
from pydantic import BaseModel

SQUARE_METRES_PER_SQUARE_FOOT = 0.09290304
FEATURES = ["livingArea", "lotArea", "bedrooms", "bathrooms", "garageSpaces", "builtYear", "latitude", "longitude", "centralAir"]
MODEL_VARIABLE = "SERVE_REFERENCE_MODEL"


class Coordinates(BaseModel):
    latitude: float
    longitude: float


class Home(BaseModel):
    region: str
    propertyType: str | None = None
    city: str | None = None
    postalCode: str | None = None
    coordinates: Coordinates | None = None
    livingArea: float | None = None
    lotArea: float | None = None
    rooms: int | None = None
    bedrooms: int | None = None
    bathrooms: float | None = None
    garageSpaces: int | None = None
    builtYear: int | None = None
    builtMonth: int | None = None
    heating: str | None = None
    cooling: str | None = None


class PredictionRequest(BaseModel):
    home: Home
    requestId: str | None = None
    clientId: str | None = None


def ames_rows(path):
    """Feature rows and log prices of the Ames sales."""
    rows, prices = [], []
    with open(path, newline="") as file:
        for record in csv.DictReader(file):
            rows.append([
                float(record["Gr_Liv_Area"]) * SQUARE_METRES_PER_SQUARE_FOOT,
                float(record["Lot_Area"]) * SQUARE_METRES_PER_SQUARE_FOOT,
                float(record["Bedroom_AbvGr"]),
                float(record["Full_Bath"]) + float(record["Half_Bath"]) / 2,
                float(record["Garage_Cars"]),
                float(record["Year_Built"]),
                float(record["Latitude"]),
                float(record["Longitude"]),
                1.0 if record["Central_Air"] == "Y" else 0.0,
            ])
            prices.append(float(record["Sale_Price"]))
    return np.array(rows), np.log(np.array(prices))


def train(csv_path):
    features, target = ames_rows(csv_path)
    params = {"objective": "regression", "learning_rate": 0.05, "num_leaves": 31, "verbose": -1}
    return lgb.train(params, lgb.Dataset(features, target, feature_name=FEATURES), num_boost_round=300)


app = FastAPI()
booster = lgb.Booster(model_file=os.environ[MODEL_VARIABLE]) if MODEL_VARIABLE in os.environ else None


@app.get("/health")
async def health():
    return {"status": "ok"}


@app.post("/v1/predictions")
async def predict(request: PredictionRequest):
    home = request.home
    row = np.array([[
        home.livingArea if home.livingArea is not None else np.nan,
        home.lotArea if home.lotArea is not None else np.nan,
        home.bedrooms if home.bedrooms is not None else np.nan,
        home.bathrooms if home.bathrooms is not None else np.nan,
        home.garageSpaces if home.garageSpaces is not None else np.nan,
        home.builtYear if home.builtYear is not None else np.nan,
        home.coordinates.latitude if home.coordinates else np.nan,
        home.coordinates.longitude if home.coordinates else np.nan,
        1.0 if home.cooling == "central" else 0.0,
    ]])
    value = float(np.exp(booster.predict(row)[0]))
    return {
        "requestId": request.requestId,
        "region": home.region,
        "value": round(value, -3),
        "currency": "USD",
        "model": {"name": "lightgbm-reference", "version": "1"},
    }


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--csv", required=True)
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 1)
    arguments = parser.parse_args()
    model = train(arguments.csv)
    with tempfile.NamedTemporaryFile(suffix=".txt", delete=False) as file:
        path = file.name
    model.save_model(path)
    os.environ[MODEL_VARIABLE] = path
    sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
    import uvicorn

    try:
        uvicorn.run(
            "serve_reference:app", host="127.0.0.1", port=arguments.port, workers=arguments.workers, access_log=False,
            log_level="warning")
    finally:
        os.unlink(path)


if __name__ == "__main__":
    main()
