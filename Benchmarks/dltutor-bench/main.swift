import MathEngine
import TutorContent

print("bench")
