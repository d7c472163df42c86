import TrainerCore
import Testing
