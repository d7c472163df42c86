/// The preprocessor process (homes.normalized -> homes.features); built in its own change.
public enum PreprocessorService {}
