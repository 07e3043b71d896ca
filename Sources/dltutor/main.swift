import MathEngine
import TutorContent

print("dltutor")
