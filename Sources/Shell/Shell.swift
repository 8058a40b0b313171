import CLibEdit
import Tutor
