import Course
import Progress
