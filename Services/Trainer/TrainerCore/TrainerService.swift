/// The trainer process (homes.features -> models); built in its own change.
public enum TrainerService {}
