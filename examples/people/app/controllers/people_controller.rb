class PeopleController < ApplicationController
  def index
    @people = Person.order(:name)
  end
end
