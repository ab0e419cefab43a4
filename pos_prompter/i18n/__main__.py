import sys

from pos_prompter.i18n.build import main

sys.exit(main(sys.argv[1:]))
